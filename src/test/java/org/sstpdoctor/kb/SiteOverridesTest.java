package org.sstpdoctor.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteOverridesTest {
    static final KnowledgeBase KB = KnowledgeBase.builtIn();
    static final Set<String> IDS = KB.entries().stream().map(KbEntry::id).collect(Collectors.toSet());

    @TempDir
    Path dir;

    Path write(String json) throws IOException {
        Path f = dir.resolve("kb-overrides.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void replaceAndAddPerEntryAndForAll() throws IOException {
        Path f = write("""
                {"site": "Contoso IT",
                 "overrides": [
                   {"id": "http-407", "replace": {"helpdesk.contact": "The network desk, extension 4321."},
                    "add": {"helpdesk.steps": ["Our proxy is proxy.contoso.local."]}},
                   {"id": "*", "add": {"endUser.actions": ["Call the Contoso service desk on extension 4321."]}}
                 ]}""");
        SiteOverrides o = SiteOverrides.load(f, IDS);
        assertEquals(List.of(), o.problems());
        KnowledgeBase site = KB.withOverrides(o);
        KbEntry e = site.byId("http-407").orElseThrow();
        KbEntry original = KB.byId("http-407").orElseThrow();
        assertEquals("The network desk, extension 4321.", e.helpdesk().contact());
        assertEquals(original.helpdesk().steps().size() + 1, e.helpdesk().steps().size());
        assertEquals("Our proxy is proxy.contoso.local.", e.helpdesk().steps().get(e.helpdesk().steps().size() - 1));
        assertTrue(e.endUser().actions().contains("Call the Contoso service desk on extension 4321."));
        assertTrue(site.byId("outcome-dns_not_found").orElseThrow().endUser().actions()
                .contains("Call the Contoso service desk on extension 4321."));
        assertEquals("Contoso IT", site.site().orElseThrow());
        assertEquals(original, KB.byId("http-407").orElseThrow(), "the built-in knowledge base is untouched");
    }

    @Test
    void brokenFileIsIgnoredWithAClearMessage() throws IOException {
        SiteOverrides o = SiteOverrides.load(write("{\"overrides\": [ {\"id\": \"http-407\", }"), IDS);
        assertTrue(o.isEmpty());
        assertEquals(1, o.problems().size());
        assertTrue(o.problems().get(0).contains("not valid JSON"), o.problems().get(0));
        assertTrue(o.problems().get(0).contains("ignored"));
        assertEquals(KB.entries(), KB.withOverrides(o).entries());
    }

    @Test
    void wrongShapesAreSkippedOneByOne() throws IOException {
        SiteOverrides o = SiteOverrides.load(write("""
                {"overrides": [
                   {"id": "http-999999", "replace": {"title": "x"}},
                   {"replace": {"title": "no id"}},
                   {"id": "http-404", "replace": {"references": "x"}},
                   {"id": "http-404", "add": {"title": ["x"]}},
                   {"id": "http-404", "frobnicate": 1, "replace": {"summary": "Our own summary."}}
                 ]}"""), IDS);
        assertEquals(5, o.problems().size(), o.problems().toString());
        assertEquals("Our own summary.", KB.withOverrides(o).byId("http-404").orElseThrow().summary());
        assertEquals(KB.byId("http-404").orElseThrow().title(), KB.withOverrides(o).byId("http-404").orElseThrow().title());
    }

    @Test
    void notAnOverridesFile() throws IOException {
        SiteOverrides o = SiteOverrides.load(write("[1, 2, 3]"), IDS);
        assertTrue(o.isEmpty());
        assertTrue(o.problems().get(0).contains("overrides"));
    }

    @Test
    void missingFileMeansNoOverrides() {
        SiteOverrides o = SiteOverrides.load(dir.resolve("absent.json"), IDS);
        assertTrue(o.isEmpty());
        assertEquals(List.of(), o.problems());
    }

    @Test
    void configFolders() {
        assertEquals(Path.of("C:/Users/bob/AppData/Roaming", "SSTP Doctor"),
                ConfigFolder.of(Map.of("APPDATA", "C:/Users/bob/AppData/Roaming"), "Windows 11", "C:/Users/bob"));
        assertEquals(Path.of("/Users/bob/Library/Application Support/SSTP Doctor"),
                ConfigFolder.of(Map.of(), "Mac OS X", "/Users/bob"));
        assertEquals(Path.of("/home/bob/.config/sstp-doctor"), ConfigFolder.of(Map.of(), "Linux", "/home/bob"));
        assertEquals(Path.of("/xdg/sstp-doctor"), ConfigFolder.of(Map.of("XDG_CONFIG_HOME", "/xdg"), "Linux", "/home/bob"));
        assertEquals(Path.of("/etc/site.json"), SiteOverrides.defaultLocation(
                Map.of(SiteOverrides.ENVIRONMENT_VARIABLE, "/etc/site.json"), "Linux", "/home/bob"));
        assertEquals(Path.of("/home/bob/.config/sstp-doctor/kb-overrides.json"),
                SiteOverrides.defaultLocation(Map.of(), "Linux", "/home/bob"));
    }
}
