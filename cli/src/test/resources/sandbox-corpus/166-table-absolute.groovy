// class: include
// source: original
// expect: read
def rows = table('@CANARY_DIR@/secret.csv')
vmwareSite("leak-${rows}") { network 'VM Network' }
