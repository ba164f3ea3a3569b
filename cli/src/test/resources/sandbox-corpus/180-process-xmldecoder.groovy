// class: process
// source: original (java.beans.XMLDecoder gadget)
// expect: run
def xml = """<java><object class="java.lang.ProcessBuilder"><array class="java.lang.String" length="2">
<void index="0"><string>touch</string></void><void index="1"><string>@MARKER@</string></void></array>
<void method="start"/></object></java>"""
new java.beans.XMLDecoder(new ByteArrayInputStream(xml.getBytes('UTF-8'))).readObject()
sleep 500
