package cli

import "github.com/stacklint/stacklint/internal/safefile"

// sizeFlag is a --max-file-size value: bytes, written as safefile.ParseSize
// reads it ("64MiB"); set tells whether the command line gave it.
type sizeFlag struct {
	bytes int64
	set   bool
}

func (s *sizeFlag) String() string { return safefile.FormatSize(s.bytes) }

// Set implements pflag.Value.
func (s *sizeFlag) Set(v string) error {
	n, err := safefile.ParseSize(v)
	if err != nil {
		return err
	}
	s.bytes, s.set = n, true
	return nil
}

// Type implements pflag.Value.
func (s *sizeFlag) Type() string { return "size" }

// maxFileSizeUsage documents --max-file-size for lint and inspect.
const maxFileSizeUsage = "read no snapshot file larger than this (e.g. 64MiB; KiB/MiB/GiB or KB/MB/GB); a larger file is a finding"

// maxArchiveSizeUsage documents --max-archive-size for lint.
const maxArchiveSizeUsage = "read no archive (a sos report's .tar.xz/.tar.gz) that decompresses to more than this, whatever its members (a decompression bomb); a larger one is a finding"
