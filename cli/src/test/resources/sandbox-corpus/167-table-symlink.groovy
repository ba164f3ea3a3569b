// class: include
// source: original (a pull request can add a symbolic link)
// expect: read
def rows = table('inventory.csv')
vmwareSite("leak-${rows}") { network 'VM Network' }
// ---- symlink inventory.csv -> @CANARY_DIR@/secret.csv
