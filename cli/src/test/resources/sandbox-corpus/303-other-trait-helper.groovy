// class: other
// source: original (trait bodies move into generated helper classes)
// expect: read
trait Reader { String peek() { new File('@CANARY_READ@').text } }
class R implements Reader { }
vmwareSite("leak-${new R().peek()}") { network 'VM Network' }
