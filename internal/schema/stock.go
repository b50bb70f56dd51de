package schema

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"
)

// stockData is tools/schema/stock_policies.py's output: the policy.json
// each service shipped in its tree before it registered its defaults in
// code (nova until Mitaka, keystone until Ocata, neutron until Rocky,
// glance until Train, cinder until Pike), read at each release's -eol tag.
//
//go:embed stock/policies.json.gz
var stockData []byte

// StockReleases are the releases the stock policy data covers, oldest
// first (tools/schema/stock_policies.py's RELEASES).
var StockReleases = []string{"icehouse", "juno", "kilo", "liberty", "mitaka", "newton", "ocata", "pike",
	"queens", "rocky", "stein", "train", "ussuri"}

// StockPolicy is one value a service's stock policy.json gave a policy
// name, and the releases that shipped it (oldest first).
type StockPolicy struct {
	// Check is the value as the file had it: a check string, or the old
	// list syntax ([]any), as parser/policy.Parse takes it.
	Check    any
	Releases []string
}

// stockDoc is the decoded data: service → policy name → values.
type stockDoc struct {
	Services map[string]map[string][][2]json.RawMessage `json:"services"`
}

var loadStock = sync.OnceValues(func() (stockDoc, error) {
	var doc stockDoc
	zr, err := gzip.NewReader(bytes.NewReader(stockData))
	if err != nil {
		return doc, fmt.Errorf("stock policies: %w", err)
	}
	defer func() { _ = zr.Close() }() // a read-only gzip reader: nothing to flush
	if err := json.NewDecoder(zr).Decode(&doc); err != nil {
		return doc, fmt.Errorf("stock policies: %w", err)
	}
	return doc, nil
})

// StockPolicies lists the values a service's stock policy.json of the
// releases before policy-in-code gave a policy name (nil when none did,
// or the embedded data is corrupt).
func StockPolicies(service, name string) []StockPolicy {
	doc, err := loadStock()
	if err != nil {
		return nil
	}
	var out []StockPolicy
	for _, e := range doc.Services[service][name] {
		var sp StockPolicy
		if json.Unmarshal(e[0], &sp.Check) != nil || json.Unmarshal(e[1], &sp.Releases) != nil {
			continue
		}
		out = append(out, sp)
	}
	return out
}
