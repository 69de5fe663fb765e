package pseudoloc

import (
	"hash/fnv"
	"io/fs"
	"strings"
	"testing/fstest"
)

// FS is a docs tree whose .md files are translated as they are read: each
// page into one of the three scripts, chosen by a hash of the seed and
// its path, so one read of a tree exercises all three languages. Other
// files are read as they are.
type FS struct {
	Base fs.FS
	Seed uint64
}

// Localizer returns the localizer of the page at name.
func (f FS) Localizer(name string) *Localizer {
	h := fnv.New32a()
	h.Write([]byte(name))
	return New(f.Seed, Script((uint64(h.Sum32())+f.Seed)%3))
}

// Open opens name, translated when it is a page.
func (f FS) Open(name string) (fs.File, error) {
	if !strings.HasSuffix(name, ".md") {
		return f.Base.Open(name)
	}
	data, err := f.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return fstest.MapFS{name: &fstest.MapFile{Data: data, Mode: 0o444}}.Open(name)
}

// ReadFile reads name, translated when it is a page.
func (f FS) ReadFile(name string) ([]byte, error) {
	data, err := fs.ReadFile(f.Base, name)
	if err != nil || !strings.HasSuffix(name, ".md") {
		return data, err
	}
	return f.Localizer(name).Page(data), nil
}

// ReadDir lists a directory of the base tree.
func (f FS) ReadDir(name string) ([]fs.DirEntry, error) {
	return fs.ReadDir(f.Base, name)
}
