// class: resources
// source: original (ReDoS; regex matching ignores interrupts)
// expect: resources
// The textbook ('a' * 40 + '!') ==~ /(a+)+$/ is answered at once by the JDK's matcher; this one is not.
def matched = ('a' * 40 + 'b') ==~ /(.*a){20}/
