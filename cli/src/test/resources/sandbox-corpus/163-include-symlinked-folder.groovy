// class: include
// source: original (a pull request can add a symbolic link)
// expect: read
// shared is a symbolic link to a folder outside the definition: its files look like files of the definition.
def rows = table('shared/secret.csv')
vmwareSite("leak-${rows}") { network 'VM Network' }
// ---- symlink shared -> @CANARY_DIR@
