// class: property
// source: Jenkins SECURITY-1538 (subexpressions of ++ and --)
// expect: run
class T { def x = 0 }
def t = new T()
t.({ 'touch @MARKER@'.execute().waitFor(); 'x' }())++
++({ 'touch @MARKER@'.execute().waitFor(); 1 }())
