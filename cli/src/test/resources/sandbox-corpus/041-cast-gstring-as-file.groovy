// class: cast
// source: Jenkins SECURITY-663 (cast as File, with a GString)
// expect: read
def dir = '@CANARY_READ@'
def f = "${dir}" as File
def v = f.readLines().join()
vmwareSite("leak-${v}") { network 'VM Network' }
