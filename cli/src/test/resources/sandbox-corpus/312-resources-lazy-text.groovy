// class: resources
// source: original (an independent review: closures inside text were not counted, so 64M characters were built)
// expect: resources
def h = "${-> 'x' * 4000000}"
def g = "${-> "${h}${h}${h}${h}"}"
def s = "${g}${g}${g}${g}"
tags([s.length().toString()])
