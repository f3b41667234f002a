package org.sstpdoctor.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypedAddressTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://bob:secret@vpn.example.com/ | https://***@vpn.example.com/",
        "bob:secret@vpn.example.com:443 | ***@vpn.example.com:443",
        "sstp://a@b:c@vpn.example.com | sstp://***@vpn.example.com",
        "https://bob@[2001:db8::1]:443/path@x | https://***@[2001:db8::1]:443/path@x",
        "vpn.example.com | vpn.example.com",
        "https://vpn.example.com/sra_{BA195980-CD49-458b-9E23-C84EE0ADCD75}/ | https://vpn.example.com/sra_{BA195980-CD49-458b-9E23-C84EE0ADCD75}/",
        "vpn.example.com/?q=a@b | vpn.example.com/?q=a@b",
    })
    void theUserPartIsNeverEchoed(String typed, String shown) {
        assertEquals(shown, TypedAddress.forDisplay(typed));
    }
}
