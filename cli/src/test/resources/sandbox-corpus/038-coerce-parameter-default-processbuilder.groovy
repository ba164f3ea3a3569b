// class: coercion
// source: Jenkins SECURITY-2824 / CVE-2022-43401 (implicit casts not intercepted) (method parameter defaults)
// expect: run
def launch(ProcessBuilder pb = ['touch', '@MARKER@']) { pb.start().waitFor() }
launch()
