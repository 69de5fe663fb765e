// Package par runs independent pieces of work on every core.
package par

import (
	"runtime"
	"sync"
)

// Each calls f(i) for every i in [0, n) on GOMAXPROCS goroutines and
// returns when all calls have. Calls run in no particular order; f must
// only write what belongs to its i.
func Each(n int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
