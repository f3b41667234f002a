package org.sstpdoctor.eventlog;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads Windows event XML: one {@code <Event>} (Event Viewer's XML view), several in a row (what
 * {@code wevtutil qe /f:RenderedXml} prints) or inside {@code <Events>}. The parser refuses DTDs and
 * external entities: the text is untrusted. Broken XML yields no events, never an exception.
 *
 * <p>Elements used (schema http://schemas.microsoft.com/win/2004/08/events/event): System/Provider@Name,
 * System/EventID, System/TimeCreated@SystemTime, System/Computer, EventData/Data, EventData/Binary
 * and RenderingInfo/Message (present with /f:RenderedXml).
 */
final class EventXml {
    static final int MAX_EVENTS = 200;

    private EventXml() {
    }

    static List<VpnEvent> parse(String xml) {
        int start = xml.indexOf("<Events");
        String body;
        if (start >= 0 && (start + 7 >= xml.length() || !Character.isLetterOrDigit(xml.charAt(start + 7)))) {
            int end = xml.lastIndexOf("</Events>");
            body = end > start ? xml.substring(start, end + 9) : xml.substring(start) + "</Events>";
        } else {
            int first = xml.indexOf("<Event");
            int last = xml.lastIndexOf("</Event>");
            if (first < 0 || last < first) {
                return List.of();
            }
            body = "<Events>" + xml.substring(first, last + 8) + "</Events>";
        }
        Document doc;
        try {
            doc = builder().parse(new InputSource(new StringReader(body)));
        } catch (SAXException | java.io.IOException | ParserConfigurationException e) {
            return List.of();
        }
        List<VpnEvent> out = new ArrayList<>();
        NodeList events = doc.getDocumentElement().getChildNodes();
        for (int i = 0; i < events.getLength() && out.size() < MAX_EVENTS; i++) {
            if (events.item(i) instanceof Element e && localName(e).equals("Event")) {
                out.add(event(e));
            }
        }
        return out;
    }

    private static VpnEvent event(Element event) {
        Element system = child(event, "System");
        String provider = system == null ? "" : attribute(child(system, "Provider"), "Name");
        int id = system == null ? 0 : parseId(text(child(system, "EventID")));
        String when = system == null ? "" : attribute(child(system, "TimeCreated"), "SystemTime");
        String computer = system == null ? "" : text(child(system, "Computer"));
        Element data = child(event, "EventData");
        List<String> values = new ArrayList<>();
        String binary = null;
        if (data != null) {
            for (Element d : children(data)) {
                if (localName(d).equals("Data")) {
                    values.add(text(d));
                } else if (localName(d).equals("Binary")) {
                    binary = text(d);
                }
            }
        }
        Element rendering = child(event, "RenderingInfo");
        String message = rendering == null ? "" : text(child(rendering, "Message"));
        if (message.isBlank() && provider.equalsIgnoreCase("RasClient") && values.size() >= 4) {
            // Without the rendered message, the insertion strings in their documented order
            // {CoId, user, connection name, code} (Microsoft's Get-EventLog RasClient sample).
            String tail = id == 20226 ? "which has terminated. The reason code returned on termination is "
                    : "which has failed. The error code returned on failure is ";
            message = values.get(0) + ": The user " + values.get(1) + " dialed a connection named " + values.get(2)
                    + " " + tail + values.get(3) + ".";
        } else if (message.isBlank()) {
            message = String.join(" ", values);
        }
        return EventText.fromMessage(provider, id, when, computer, message, message, binary);
    }

    private static DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(true);
        DocumentBuilder b = f.newDocumentBuilder();
        // The default handler prints "[Fatal Error]" to stderr; a broken paste is not worth a line there.
        b.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        });
        return b;
    }

    private static int parseId(String s) {
        return s.matches("\\d{1,6}") ? Integer.parseInt(s) : 0;
    }

    private static String localName(Node n) {
        return n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
    }

    private static Element child(Element parent, String name) {
        for (Element e : children(parent)) {
            if (localName(e).equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element e) {
        return e == null ? "" : e.getTextContent().strip();
    }

    private static String attribute(Element e, String name) {
        return e == null ? "" : e.getAttribute(name).strip();
    }
}
