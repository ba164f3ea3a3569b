// class: constructor
// source: original (AST transform rewrites calls into constructor calls)
// expect: read
@Newify(File)
def open() { File('@CANARY_READ@') }
def v = open().text
vmwareSite("leak-${v}") { network 'VM Network' }
