package io.peerdesk.sim.api;

/**
 * A small streaming XML writer for EC2 responses: elements, escaped text, nothing else.
 * EC2 responses carry no attributes except the root's namespace, so this stays tiny and fast.
 */
public final class XmlWriter {

    public static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private final StringBuilder out;

    public XmlWriter() {
        this(new StringBuilder(512));
    }

    private XmlWriter(StringBuilder out) {
        this.out = out;
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    /** Opens the response root, e.g. {@code <CreateVpcResponse xmlns="...">}. */
    public XmlWriter openRoot(String name) {
        out.append('<').append(name).append(" xmlns=\"").append(NAMESPACE).append("\">");
        return this;
    }

    public XmlWriter open(String name) {
        out.append('<').append(name).append('>');
        return this;
    }

    public XmlWriter close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    /** Writes {@code <name>value</name>}; a null value writes nothing, as AWS omits missing scalars. */
    public XmlWriter element(String name, Object value) {
        if (value == null) {
            return this;
        }
        out.append('<').append(name).append('>');
        escape(value.toString());
        out.append("</").append(name).append('>');
        return this;
    }

    /** Writes {@code <name/>}, AWS's form for an empty list. */
    public XmlWriter empty(String name) {
        out.append('<').append(name).append("/>");
        return this;
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                        out.append("&#").append((int) c).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** AWS's error envelope: {@code <Response><Errors><Error>…</Error></Errors><RequestID>…</RequestID></Response>}. */
    public static String error(String code, String message, String requestId) {
        return new XmlWriter().open("Response").open("Errors").open("Error")
                .element("Code", code).element("Message", message)
                .close("Error").close("Errors")
                .element("RequestID", requestId)
                .close("Response").toString();
    }
}
