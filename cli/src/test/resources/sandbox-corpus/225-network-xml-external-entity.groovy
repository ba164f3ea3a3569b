// class: network
// source: original (XXE through the JDK parser)
// expect: connect
def f = javax.xml.parsers.DocumentBuilderFactory.newInstance()
f.newDocumentBuilder().parse('http://127.0.0.1:@PORT@/doc.xml')
