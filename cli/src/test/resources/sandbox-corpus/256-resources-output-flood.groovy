// class: resources
// source: original
// expect: resources
def line = 'x' * 10_000
100_000_000.times { println line }
