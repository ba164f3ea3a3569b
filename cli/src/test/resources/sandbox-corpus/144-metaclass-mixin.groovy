// class: metaclass
// source: original
// expect: run
class Helper { static run(String self) { self.execute().waitFor() } }
String.mixin(Helper)
'touch @MARKER@'.run()
