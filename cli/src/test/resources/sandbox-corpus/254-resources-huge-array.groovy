// class: resources
// source: original
// expect: resources
def a = new long[Integer.MAX_VALUE - 16]
