// class: resources
// source: original (CPU in JDK code, never checks for interrupts)
// expect: resources
def n = (2G ** 40_000_000).toString().length()
