// class: coercion
// source: Jenkins SECURITY-580 / SECURITY-663 (positional constructors through as)
// expect: read
def f = ['@CANARY_READ@'] as File
def v = f.text
vmwareSite("leak-${v}") { network 'VM Network' }
