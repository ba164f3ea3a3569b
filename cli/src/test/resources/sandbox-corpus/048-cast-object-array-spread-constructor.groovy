// class: cast
// source: original
// expect: read
// An Object[] cast spread into a constructor call.
def args = ['@CANARY_READ@'] as Object[]
def f = File.newInstance(*args)
def v = f.text
vmwareSite("leak-${v}") { network 'VM Network' }
