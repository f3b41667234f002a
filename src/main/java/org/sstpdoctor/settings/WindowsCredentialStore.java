package org.sstpdoctor.settings;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.WString;
import com.sun.jna.ptr.PointerByReference;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Windows Credential Manager ("Windows Credentials" in the control panel) through advapi32's
 * CredWriteW / CredReadW / CredDeleteW, as a generic credential named
 * {@code "SSTP Doctor proxy/<account>"} persisted for this user on this computer. The password is
 * stored as UTF-16LE, as Windows' own tools store generic credentials. JNA's platform library has no
 * mapping for these functions, so the few needed are declared here.
 */
public final class WindowsCredentialStore implements CredentialStore {
    static final int CRED_TYPE_GENERIC = 1;
    static final int CRED_PERSIST_LOCAL_MACHINE = 2;
    static final int ERROR_NOT_FOUND = 1168;
    /** CRED_MAX_CREDENTIAL_BLOB_SIZE: 5 * 512 bytes. */
    static final int MAX_BLOB = 5 * 512;

    private final boolean windows;

    /** The store for this process's system; usable only on Windows. */
    public WindowsCredentialStore() {
        this(System.getProperty("os.name", ""));
    }

    WindowsCredentialStore(String osName) {
        this.windows = osName != null && osName.toLowerCase(Locale.ROOT).startsWith("windows");
    }

    static String targetName(String account) {
        return SERVICE + "/" + CredentialStore.checkAccount(account);
    }

    @Override
    public boolean available() {
        return windows && Advapi32Holder.load() != null;
    }

    @Override
    public String description() {
        return "Windows Credential Manager";
    }

    private Advapi32 api() throws IOException {
        if (!windows) {
            throw new IOException("Windows Credential Manager is only available on Windows.");
        }
        Advapi32 api = Advapi32Holder.load();
        if (api == null) {
            throw new IOException("Windows Credential Manager could not be loaded (advapi32.dll).");
        }
        return api;
    }

    @Override
    public Optional<char[]> read(String account) throws IOException {
        String target = targetName(account);
        Advapi32 api = api();
        PointerByReference out = new PointerByReference();
        if (!api.CredReadW(new WString(target), CRED_TYPE_GENERIC, 0, out)) {
            int error = Native.getLastError();
            if (error == ERROR_NOT_FOUND) {
                return Optional.empty();
            }
            throw new IOException("Windows Credential Manager could not read the proxy password (error " + error + ").");
        }
        Pointer p = out.getValue();
        try {
            Credential credential = new Credential(p);
            if (credential.CredentialBlobSize <= 0 || credential.CredentialBlob == null) {
                return Optional.empty();
            }
            byte[] blob = credential.CredentialBlob.getByteArray(0, credential.CredentialBlobSize);
            try {
                return Optional.of(Passwords.decode(blob, blob.length, StandardCharsets.UTF_16LE));
            } catch (CharacterCodingException e) {
                throw new IOException("The password in Windows Credential Manager is not valid text.");
            } finally {
                Arrays.fill(blob, (byte) 0);
            }
        } finally {
            api.CredFree(p);
        }
    }

    @Override
    public void store(String account, char[] password) throws IOException {
        String target = targetName(account);
        Passwords.check(password);
        Advapi32 api = api();
        byte[] blob = Passwords.encode(password, StandardCharsets.UTF_16LE);
        if (blob.length > MAX_BLOB) {
            Arrays.fill(blob, (byte) 0);
            throw new IOException("The password is too long for Windows Credential Manager.");
        }
        Memory memory = new Memory(blob.length);
        try {
            memory.write(0, blob, 0, blob.length);
            Credential credential = new Credential();
            credential.Type = CRED_TYPE_GENERIC;
            credential.TargetName = new WString(target);
            credential.Comment = new WString("Proxy password remembered by SSTP Doctor");
            credential.CredentialBlobSize = blob.length;
            credential.CredentialBlob = memory;
            credential.Persist = CRED_PERSIST_LOCAL_MACHINE;
            credential.UserName = new WString(account);
            credential.write();
            if (!api.CredWriteW(credential, 0)) {
                throw new IOException("Windows Credential Manager could not store the proxy password (error "
                        + Native.getLastError() + ").");
            }
        } finally {
            memory.clear();
            Arrays.fill(blob, (byte) 0);
        }
    }

    @Override
    public void delete(String account) throws IOException {
        String target = targetName(account);
        Advapi32 api = api();
        if (!api.CredDeleteW(new WString(target), CRED_TYPE_GENERIC, 0)) {
            int error = Native.getLastError();
            if (error != ERROR_NOT_FOUND) {
                throw new IOException("Windows Credential Manager could not delete the proxy password (error " + error + ").");
            }
        }
    }

    /** advapi32's credential functions; on FALSE, {@link Native#getLastError()} says why. */
    interface Advapi32 extends Library {
        boolean CredReadW(WString targetName, int type, int flags, PointerByReference credential);

        boolean CredWriteW(Credential credential, int flags);

        boolean CredDeleteW(WString targetName, int type, int flags);

        void CredFree(Pointer buffer);
    }

    /** Loads advapi32 on first use only, so merely creating the store off Windows touches no native code. */
    private static final class Advapi32Holder {
        private static volatile Advapi32 api;
        private static volatile boolean tried;

        static Advapi32 load() {
            if (!tried) {
                synchronized (Advapi32Holder.class) {
                    if (!tried) {
                        try {
                            api = Native.load("Advapi32", Advapi32.class);
                        } catch (UnsatisfiedLinkError | RuntimeException e) {
                            api = null;
                        }
                        tried = true;
                    }
                }
            }
            return api;
        }
    }

    /** CREDENTIALW, field for field (FILETIME as its two DWORDs). */
    @Structure.FieldOrder({"Flags", "Type", "TargetName", "Comment", "LastWrittenLow", "LastWrittenHigh",
        "CredentialBlobSize", "CredentialBlob", "Persist", "AttributeCount", "Attributes", "TargetAlias", "UserName"})
    public static final class Credential extends Structure {
        public int Flags;
        public int Type;
        public WString TargetName;
        public WString Comment;
        public int LastWrittenLow;
        public int LastWrittenHigh;
        public int CredentialBlobSize;
        public Pointer CredentialBlob;
        public int Persist;
        public int AttributeCount;
        public Pointer Attributes;
        public WString TargetAlias;
        public WString UserName;

        public Credential() {
        }

        Credential(Pointer p) {
            super(p);
            read();
        }
    }

    @Override
    public String toString() {
        return "WindowsCredentialStore[" + (windows ? "Windows" : "not Windows") + "]";
    }
}
