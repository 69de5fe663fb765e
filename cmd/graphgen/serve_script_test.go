package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/graphgen-dev/graphgen/graphrt/graphtest"
)

// TestServeScripts runs each testdata/serve/*.sh against a graphgen
// binary built from this tree, serving testdata/docs on 127.0.0.1:0 (a
// fresh server per script, with the flags of its "# graphgen serve
// flags:" line): the script gets GRAPH (the base URL, with
// /v1.0), TOKEN, LIMITED_TOKEN and ADMIN_TOKEN (test tokens, see the
// scripts) and fails
// the test with its output when it exits non-zero. The server is stopped
// by SIGINT, and must exit 0.
func TestServeScripts(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the scripts are POSIX sh, and SIGINT stops the server")
	}
	if _, err := exec.LookPath("curl"); err != nil {
		t.Skip("curl is not installed; the script tests of testdata/serve drive graphgen serve with it")
	}
	scripts, err := filepath.Glob("../../testdata/serve/*.sh")
	if err != nil || len(scripts) == 0 {
		t.Fatalf("no scripts in testdata/serve (%v)", err)
	}
	bin := buildGraphgen(t)
	env := append(os.Environ(),
		"TOKEN="+graphtest.TestToken(graphtest.DelegatedWork, "User.ReadWrite.All", "Mail.Send"),
		"LIMITED_TOKEN="+graphtest.TestToken(graphtest.DelegatedWork, "User.Read"),
		"ADMIN_TOKEN="+graphtest.TestToken(graphtest.DelegatedWork, "Directory.AccessAsUser.All", "Directory.ReadWrite.All", "User.ReadWrite.All", "Group.ReadWrite.All", "Mail.Send"))
	for _, script := range scripts {
		t.Run(filepath.Base(script), func(t *testing.T) {
			base, log := startServeBinary(t, bin, bundledDocs, scriptFlags(t, script)...)
			cmd := exec.Command("sh", script)
			cmd.Env = append(env, "GRAPH="+base+"/v1.0")
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("%s: %v\n%s\nserver log:\n%s", script, err, out, log)
			}
		})
	}
}

// scriptFlags are the flags a script asks graphgen serve for, in a line
// "# graphgen serve flags: -emulate=false" (none without one).
func scriptFlags(t *testing.T, script string) []string {
	data, err := os.ReadFile(script)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if flags, ok := strings.CutPrefix(line, "# graphgen serve flags:"); ok {
			return strings.Fields(flags)
		}
	}
	return nil
}

// buildGraphgen builds the graphgen command of this tree into a temporary
// directory.
func buildGraphgen(t *testing.T) string {
	t.Helper()
	gotool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build graphgen with")
	}
	bin := filepath.Join(t.TempDir(), "graphgen")
	if out, err := exec.Command(gotool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// startServeBinary starts "graphgen serve -addr 127.0.0.1:0 flags docs" and
// returns the base URL it prints and its log; the test's cleanup stops it
// with SIGINT and requires a graceful exit.
func startServeBinary(t *testing.T, bin, docs string, flags ...string) (base string, log *syncBuffer) {
	t.Helper()
	log = &syncBuffer{}
	cmd := exec.Command(bin, append([]string{"serve", "-q", "-addr", "127.0.0.1:0"}, append(flags, docs)...)...)
	cmd.Stderr = log
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n') // ends when the server exits
	_, url, found := strings.Cut(strings.TrimSpace(line), " on ")
	if err != nil || !found || !strings.HasPrefix(url, "http://") {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("graphgen serve printed %q (%v), want its address:\n%s", line, err, log)
	}
	t.Cleanup(func() {
		if err := cmd.Process.Signal(os.Interrupt); err != nil {
			t.Errorf("SIGINT: %v", err)
		}
		if err := cmd.Wait(); err != nil {
			t.Errorf("graphgen serve after SIGINT: %v\n%s", err, log)
		}
		if !strings.Contains(log.String(), "graphgen: shutting down") {
			t.Errorf("no graceful shutdown:\n%s", log)
		}
	})
	return url, log
}
