// class: resources
// source: original (millions of reported problems)
// expect: resources
10_000_000.times { i -> machines("nowhere-${i}") { nosuchword i } }
