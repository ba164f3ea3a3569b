// class: include
// source: original
// expect: read
def rows = table('../outside/secret.csv')
vmwareSite("leak-${rows}") { network 'VM Network' }
