package mirror

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Sums maps a file's mirror path (HOST/PATH) to its SHA-256, hex.
type Sums map[string]string

// ReadSums reads DIR/SHA256SUMS; a mirror without one has no sums yet.
func ReadSums(dir string) (Sums, error) {
	f, err := os.Open(filepath.Join(dir, SumsFile))
	if errors.Is(err, fs.ErrNotExist) {
		return Sums{}, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sums := Sums{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			continue
		}
		sum, name, ok := strings.Cut(line, "  ")
		if !ok || len(sum) != 64 || cleanPath(name) != nil {
			return nil, fmt.Errorf("%s:%d: want \"SHA256  HOST/PATH\"", filepath.Join(dir, SumsFile), n)
		}
		sums[name] = sum
	}
	return sums, sc.Err()
}

// Write saves the sums sorted by path, as sha256sum -c reads them, replacing
// the file at once so that a pull cut short leaves a whole list.
func (s Sums) Write(dir string) error {
	names := make([]string, 0, len(s))
	for n := range s {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		fmt.Fprintf(&b, "%s  %s\n", s[n], n)
	}
	tmp, err := os.CreateTemp(dir, "."+SumsFile+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.WriteString(b.String()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(dir, SumsFile))
}

// fileSum is the SHA-256 of a file, hex.
func fileSum(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Problem is a file of SHA256SUMS that is missing or changed.
type Problem struct {
	Path string
	What string
}

// Verify checks every file SHA256SUMS lists; it returns how many are
// sound and the problems.
func Verify(dir string) (ok int, problems []Problem, err error) {
	if _, err := os.Stat(filepath.Join(dir, SumsFile)); err != nil {
		return 0, nil, fmt.Errorf("%s: not a mirror (no %s; hardway mirror pull writes it)", dir, SumsFile)
	}
	sums, err := ReadSums(dir)
	if err != nil {
		return 0, nil, err
	}
	names := make([]string, 0, len(sums))
	for n := range sums {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		got, err := fileSum(filepath.Join(dir, filepath.FromSlash(n)))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			problems = append(problems, Problem{n, "missing"})
		case err != nil:
			problems = append(problems, Problem{n, err.Error()})
		case got != sums[n]:
			problems = append(problems, Problem{n, "checksum differs: " + got})
		default:
			ok++
		}
	}
	return ok, problems, nil
}
