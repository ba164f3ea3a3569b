// class: network
// source: original
// expect: connect
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
def client = HttpClient.newHttpClient()
client.send(HttpRequest.newBuilder(URI.create('http://127.0.0.1:@PORT@/')).build(), HttpResponse.BodyHandlers.ofString())
