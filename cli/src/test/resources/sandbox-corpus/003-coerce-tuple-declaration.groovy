// class: coercion
// source: Jenkins SECURITY-580 (positional constructors; tuple assignment was left as a TODO)
// expect: read
// A typed multiple assignment casts each element to its declared type.
def (File f, int n) = [['@CANARY_READ@'], 1]
def lines = []
for (line in f) { lines << line }
def v = lines.join('|')
vmwareSite("leak-${v}") { network 'VM Network' }
