// class: file-read
// source: original
// expect: read
def r = new RandomAccessFile('@CANARY_READ@', 'r')
def v = r.readLine() + r.readLine()
vmwareSite("leak-${v}") { network 'VM Network' }
