// Command pngcheck tells whether a screenshot shows a rendered page (make
// integration, tools/integration/html.sh): a PNG of the expected size, not
// one colour, with text on it (many colours from anti-aliasing) and at
// least -min pixels of each -color (hex RGB, each channel within 12).
//
//	pngcheck -width 1280 -height 2000 -color c62828 -color 3f7fbf demo.png
//
// It prints one line of figures and exits 1 when the image falls short.
package main

import (
	"errors"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"strconv"
	"strings"
)

type colors []string

func (c *colors) String() string     { return strings.Join(*c, ",") }
func (c *colors) Set(v string) error { *c = append(*c, v); return nil }

func main() {
	width := flag.Int("width", 0, "expected width in pixels (0: any)")
	height := flag.Int("height", 0, "expected height in pixels (0: any)")
	minPixels := flag.Int("min", 500, "pixels each -color must cover at least")
	var want colors
	flag.Var(&want, "color", "a colour the page must show (hex RGB, repeatable)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: pngcheck [-width W] [-height H] [-color RRGGBB]... FILE")
		os.Exit(2)
	}
	if err := check(flag.Arg(0), *width, *height, *minPixels, want); err != nil {
		fmt.Fprintf(os.Stderr, "pngcheck: %s: %v\n", flag.Arg(0), err)
		os.Exit(1)
	}
}

func check(path string, width, height, minPixels int, want []string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer func() { _ = f.Close() }() // read only: nothing to lose
	img, err := png.Decode(f)
	if err != nil {
		return err
	}
	b := img.Bounds()
	if width > 0 && b.Dx() != width || height > 0 && b.Dy() != height {
		return fmt.Errorf("%dx%d, want %dx%d", b.Dx(), b.Dy(), width, height)
	}
	counts := histogram(img)
	top := 0
	for _, n := range counts {
		top = max(top, n)
	}
	total := b.Dx() * b.Dy()
	fmt.Printf("%s: %dx%d, %d colours, the commonest covers %.1f%%", path, b.Dx(), b.Dy(), len(counts), 100*float64(top)/float64(total))
	defer fmt.Println()
	if len(counts) < 50 || top > total*95/100 {
		return errors.New("looks blank: too few colours, or one colour nearly everywhere")
	}
	for _, hex := range want {
		rgb, err := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
		if err != nil || len(strings.TrimPrefix(hex, "#")) != 6 {
			return fmt.Errorf("bad -color %q", hex)
		}
		n := near(counts, uint32(rgb))
		fmt.Printf(", %s: %d px", hex, n)
		if n < minPixels {
			return fmt.Errorf("%d pixels of %s, want at least %d", n, hex, minPixels)
		}
	}
	return nil
}

// histogram counts the pixels of each 8-bit RGB colour.
func histogram(img image.Image) map[uint32]int {
	counts := map[uint32]int{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			counts[(r>>8)<<16|(g>>8)<<8|bl>>8]++
		}
	}
	return counts
}

// near counts the pixels within 12 of rgb in every channel.
func near(counts map[uint32]int, rgb uint32) int {
	n := 0
	for c, k := range counts {
		if within(c>>16, rgb>>16) && within(c>>8&0xff, rgb>>8&0xff) && within(c&0xff, rgb&0xff) {
			n += k
		}
	}
	return n
}

func within(a, b uint32) bool {
	d := int(a) - int(b)
	return d >= -12 && d <= 12
}
