// class: file-read
// source: original
// expect: read
def lines = []
new File('@CANARY_READ@').eachLine { lines << it }
vmwareSite("leak-${lines.join()}") { network 'VM Network' }
