//go:build unix

package main

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestIROutputToDevice: -o to a file that is not regular (here a named
// pipe, like /dev/null or /dev/stdout) is written in place; renaming a
// temporary file over it would replace it.
func TestIROutputToDevice(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes:", err)
	}
	read := make(chan int64)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			read <- -1
			return
		}
		n, _ := io.Copy(io.Discard, f)
		f.Close()
		read <- n
	}()
	docs := docsTree(t, map[string]string{"thing-reset.md": page("Reset thing", "POST", "/things/{id}/reset")})
	if code, stderr := gen("ir", "-o", fifo, docs); code != 0 {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	if n := <-read; n <= 0 {
		t.Errorf("the pipe's reader got %d bytes", n)
	}
	st, err := os.Lstat(fifo)
	if err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the named pipe was replaced (%v, %v)", st.Mode(), err)
	}
}
