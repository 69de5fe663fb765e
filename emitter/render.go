package emitter

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"go/format"
	"runtime"
	"sort"

	"github.com/dave/jennifer/jen"

	"github.com/graphgen-dev/graphgen/internal/par"
)

// render renders the jobs in parallel. go/format is most of what
// rendering costs, so each file is first rendered unformatted and
// formatted only when reuse has no content for that render.
func render(jobs []job, reuse func(path, key string) ([]byte, bool)) ([]File, error) {
	files := make([]File, len(jobs))
	errs := make([]error, len(jobs))
	par.Each(len(jobs), func(i int) {
		files[i], errs[i] = renderJob(jobs[i], reuse)
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

// renderJob renders one file: jennifer's unformatted output, then the
// content reuse remembers for it or, failing that, go/format's, which is
// what jennifer's own Render would have written.
func renderJob(j job, reuse func(path, key string) ([]byte, bool)) (File, error) {
	f := jen.NewFilePathName(j.importPath, j.packageName)
	f.HeaderComment(Header)
	f.ImportName(RuntimePath, "graphrt")
	f.ImportName(TestRuntimePath, "graphtest")
	f.NoFormat = true
	j.build(f)
	var raw bytes.Buffer
	if err := f.Render(&raw); err != nil {
		return File{}, fmt.Errorf("emit %s: %w", j.path, err)
	}
	key := renderKey(raw.Bytes())
	if reuse != nil {
		if content, ok := reuse(j.path, key); ok {
			return File{Path: j.path, Content: content, RenderKey: key}, nil
		}
	}
	content, err := format.Source(raw.Bytes())
	if err != nil {
		return File{}, fmt.Errorf("emit %s: formatting: %w", j.path, err)
	}
	return File{Path: j.path, Content: content, RenderKey: key}, nil
}

// renderKey hashes an unformatted render with the Go release whose
// go/format formats it (another release may format it otherwise).
func renderKey(raw []byte) string {
	h := sha256.New()
	h.Write([]byte(runtime.Version()))
	h.Write([]byte{0})
	h.Write(raw)
	return hex.EncodeToString(h.Sum(nil))
}
