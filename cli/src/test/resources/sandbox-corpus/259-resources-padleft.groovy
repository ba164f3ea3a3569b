// class: resources
// source: original
// expect: resources
def s = 'x'.padLeft(2_000_000_000)
