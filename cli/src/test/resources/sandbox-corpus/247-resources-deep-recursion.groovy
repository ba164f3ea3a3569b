// class: resources
// source: original
// expect: resources
def f
f = { n -> f(n + 1) + 1 }
f(0)
