// Command trivy-db-build writes a small Trivy vulnerability DB (trivy.db and metadata.json,
// schema 2) from a JSON list of advisories, with the public trivy-db packages Trivy itself
// reads it with. The tests run the real Trivy against it with --skip-db-update: offline, and
// with findings they chose, so a verdict can be asserted on a real analysis of a real image.
//
//	trivy-db-build -advisories advisories.json -updated-at 2026-11-29T00:00:00Z -out CACHE_DIR
//
// writes CACHE_DIR/db/trivy.db and CACHE_DIR/db/metadata.json (NextUpdate = UpdatedAt + 24h).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/aquasecurity/trivy-db/pkg/db"
	"github.com/aquasecurity/trivy-db/pkg/metadata"
	"github.com/aquasecurity/trivy-db/pkg/types"
	"github.com/aquasecurity/trivy-db/pkg/vulnsrc/bucket"
	"github.com/aquasecurity/trivy-db/pkg/vulnsrc/vulnerability"
	bolt "go.etcd.io/bbolt"
)

// Advisory is one (vulnerability, package) pair. Ecosystem is "debian", "alpine" or "npm";
// Release the distribution's release as Trivy keys it ("12", "3.20"); Package the source
// package name for Debian and Alpine (Trivy looks OS packages up by SrcName), the npm name for npm.
type Advisory struct {
	ID                 string   `json:"id"`
	Ecosystem          string   `json:"ecosystem"`
	Release            string   `json:"release,omitempty"`
	Package            string   `json:"package"`
	FixedVersion       string   `json:"fixedVersion,omitempty"`
	VulnerableVersions []string `json:"vulnerableVersions,omitempty"`
	PatchedVersions    []string `json:"patchedVersions,omitempty"`
	Severity           string   `json:"severity"`
	Title              string   `json:"title,omitempty"`
	Description        string   `json:"description,omitempty"`
	VendorIDs          []string `json:"vendorIds,omitempty"`
	CweIDs             []string `json:"cweIds,omitempty"`
	// CVSS v3.1 vector and score, recorded as NVD's (as the real DB carries them).
	CVSSV3Vector string  `json:"cvssV3Vector,omitempty"`
	CVSSV3Score  float64 `json:"cvssV3Score,omitempty"`
}

type source struct {
	bucket string
	ds     types.DataSource
}

func sourceOf(a Advisory) (source, error) {
	switch a.Ecosystem {
	case "debian":
		return source{bucket.NewDebian(a.Release).Name(), types.DataSource{
			ID: vulnerability.Debian, Name: "Debian Security Tracker",
			URL: "https://salsa.debian.org/security-tracker-team/security-tracker"}}, nil
	case "alpine":
		return source{bucket.NewAlpine(a.Release).Name(), types.DataSource{
			ID: vulnerability.Alpine, Name: "Alpine Secdb", URL: "https://secdb.alpinelinux.org/"}}, nil
	case "npm":
		ds := types.DataSource{ID: vulnerability.GHSA, Name: "GitHub Security Advisory npm",
			URL: "https://github.com/advisories?query=type%3Areviewed+ecosystem%3Anpm"}
		b, err := bucket.NewNpm(ds)
		if err != nil {
			return source{}, err
		}
		return source{b.Name(), ds}, nil
	}
	return source{}, fmt.Errorf("advisory %s: ecosystem %q is not one of debian, alpine, npm", a.ID, a.Ecosystem)
}

func run(advisoriesPath, updatedAt, out string) error {
	raw, err := os.ReadFile(advisoriesPath)
	if err != nil {
		return err
	}
	var advisories []Advisory
	if err := json.Unmarshal(raw, &advisories); err != nil {
		return fmt.Errorf("%s: %w", advisoriesPath, err)
	}
	updated, err := time.Parse(time.RFC3339, updatedAt)
	if err != nil {
		return fmt.Errorf("-updated-at: %w", err)
	}
	dbDir := filepath.Join(out, "db")
	if err := db.Init(dbDir); err != nil {
		return err
	}
	defer db.Close()
	dbc := db.Config{}
	err = dbc.BatchUpdate(func(tx *bolt.Tx) error {
		for _, a := range advisories {
			src, err := sourceOf(a)
			if err != nil {
				return err
			}
			sev, err := types.NewSeverity(a.Severity)
			if err != nil {
				return fmt.Errorf("advisory %s: %w", a.ID, err)
			}
			if err := dbc.PutDataSource(tx, src.bucket, src.ds); err != nil {
				return err
			}
			adv := types.Advisory{
				VendorIDs:          a.VendorIDs,
				FixedVersion:       a.FixedVersion,
				VulnerableVersions: a.VulnerableVersions,
				PatchedVersions:    a.PatchedVersions,
			}
			if err := dbc.PutAdvisory(tx, []string{src.bucket, a.Package}, a.ID, adv); err != nil {
				return err
			}
			published := updated.Add(-30 * 24 * time.Hour)
			vuln := types.Vulnerability{
				Title:            a.Title,
				Description:      a.Description,
				Severity:         sev.String(),
				VendorSeverity:   types.VendorSeverity{src.ds.ID: sev, vulnerability.NVD: sev},
				CweIDs:           a.CweIDs,
				References:       []string{"https://shipgate.invalid/advisories/" + a.ID},
				PublishedDate:    &published,
				LastModifiedDate: &published,
			}
			if a.CVSSV3Vector != "" {
				vuln.CVSS = types.VendorCVSS{vulnerability.NVD: {V3Vector: a.CVSSV3Vector, V3Score: a.CVSSV3Score}}
			}
			if err := dbc.PutVulnerability(tx, a.ID, vuln); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return metadata.NewClient(dbDir).Update(metadata.Metadata{
		Version:      db.SchemaVersion, // 2: the schema Trivy v0.74 reads
		UpdatedAt:    updated,
		NextUpdate:   updated.Add(24 * time.Hour),
		DownloadedAt: updated,
	})
}

func main() {
	advisories := flag.String("advisories", "", "JSON array of advisories")
	updatedAt := flag.String("updated-at", "", "the DB's UpdatedAt, RFC 3339")
	out := flag.String("out", "", "Trivy cache directory to write db/ into")
	flag.Parse()
	if *advisories == "" || *updatedAt == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: trivy-db-build -advisories FILE -updated-at RFC3339 -out CACHE_DIR")
		os.Exit(2)
	}
	if err := run(*advisories, *updatedAt, *out); err != nil {
		fmt.Fprintln(os.Stderr, "trivy-db-build:", err)
		os.Exit(1)
	}
}
