package graphtest

// BenchSeed is benchSeed, for the benchmarks of package graphtest_test.
var BenchSeed = benchSeed
