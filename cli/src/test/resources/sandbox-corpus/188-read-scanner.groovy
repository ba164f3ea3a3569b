// class: file-read
// source: original
// expect: read
def s = new Scanner(new File('@CANARY_READ@'))
def v = s.nextLine() + s.nextLine()
vmwareSite("leak-${v}") { network 'VM Network' }
