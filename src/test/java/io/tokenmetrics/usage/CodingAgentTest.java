package io.tokenmetrics.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where each coding agent writes its logs, and which files there are its logs. */
class CodingAgentTest {
    @TempDir
    Path home;

    private static Map<String, String> env(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private Path touch(String relative) throws IOException {
        Path f = home.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.write(f, new byte[] {'{', '}', '\n'});
        return f;
    }

    private List<String> names(List<Path> files) {
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            out.add(home.relativize(f).toString().replace('\\', '/'));
        }
        return out;
    }

    @Test
    void defaultDirectoriesFollowEachAgentsEnvironment() {
        assertEquals(Arrays.asList(home.resolve(".config/claude/projects"), home.resolve(".claude/projects")),
                CodingAgent.CLAUDE_CODE.directories(env(), home));
        assertEquals(Arrays.asList(home.resolve("a/projects"), home.resolve("b/projects")),
                CodingAgent.CLAUDE_CODE.directories(env("CLAUDE_CONFIG_DIR", home.resolve("a") + "," + home.resolve("b")), home));
        assertEquals(Arrays.asList(home.resolve(".codex/sessions"), home.resolve(".codex/archived_sessions")),
                CodingAgent.CODEX.directories(env(), home));
        assertEquals(Arrays.asList(home.resolve("cx/sessions"), home.resolve("cx/archived_sessions")),
                CodingAgent.CODEX.directories(env("CODEX_HOME", home.resolve("cx").toString()), home));
        assertEquals(Collections.singletonList(home.resolve(".gemini/tmp")), CodingAgent.GEMINI_CLI.directories(env(), home));
        assertEquals(Collections.singletonList(home.resolve("g/.gemini/tmp")),
                CodingAgent.GEMINI_CLI.directories(env("GEMINI_CLI_HOME", home.resolve("g").toString()), home));
        assertEquals(Collections.singletonList(home.resolve(".local/share/opencode/storage/message")), CodingAgent.OPENCODE.directories(env(), home));
        assertEquals(Collections.singletonList(home.resolve("x/opencode/storage/message")),
                CodingAgent.OPENCODE.directories(env("XDG_DATA_HOME", home.resolve("x").toString()), home));
    }

    @Test
    void onlyTheAgentsLogFilesAreTaken() throws IOException {
        touch(".claude/projects/-home-a/s1.jsonl");
        touch(".claude/projects/-home-a/notes.txt");
        assertEquals(Collections.singletonList(".claude/projects/-home-a/s1.jsonl"),
                names(CodingAgent.CLAUDE_CODE.logFiles(home.resolve(".claude/projects"))));
        touch(".codex/sessions/2025/11/18/rollout-2025-11-18T21-55-50-x.jsonl");
        touch(".codex/sessions/2025/11/18/history.jsonl");
        assertEquals(Collections.singletonList(".codex/sessions/2025/11/18/rollout-2025-11-18T21-55-50-x.jsonl"),
                names(CodingAgent.CODEX.logFiles(home.resolve(".codex/sessions"))));
        // Gemini CLI's tmp also holds logs.json, shell history and checkpoints: only chats/ are chat files
        touch(".gemini/tmp/proj/logs.json");
        touch(".gemini/tmp/proj/checkpoint-x.json");
        touch(".gemini/tmp/proj/chats/session-2026-05-02T09-14-6f1d2c3a.jsonl");
        touch(".gemini/tmp/proj/chats/session-2026-05-01T08-00-aaaa1111.json");
        touch(".gemini/tmp/proj/chats/6f1d2c3a/sub-1.jsonl");
        assertEquals(Arrays.asList(".gemini/tmp/proj/chats/6f1d2c3a/sub-1.jsonl", ".gemini/tmp/proj/chats/session-2026-05-01T08-00-aaaa1111.json",
                ".gemini/tmp/proj/chats/session-2026-05-02T09-14-6f1d2c3a.jsonl"), names(CodingAgent.GEMINI_CLI.logFiles(home.resolve(".gemini/tmp"))));
        touch(".local/share/opencode/storage/message/ses_1/msg_1.json");
        touch(".local/share/opencode/storage/message/stray.json");
        assertEquals(Collections.singletonList(".local/share/opencode/storage/message/ses_1/msg_1.json"),
                names(CodingAgent.OPENCODE.logFiles(home.resolve(".local/share/opencode/storage/message"))));
        assertEquals(Collections.emptyList(), CodingAgent.CODEX.logFiles(home.resolve("nowhere")));
        // OpenCode 1.2 on: opencode.db and a channel's opencode-beta.db beside storage/
        touch(".local/share/opencode/opencode.db");
        touch(".local/share/opencode/opencode-beta.db");
        touch(".local/share/opencode/auth.json");
        assertEquals(Arrays.asList(".local/share/opencode/opencode-beta.db", ".local/share/opencode/opencode.db"),
                names(CodingAgent.OPENCODE.databases(env(), home)));
        assertEquals(Collections.emptyList(), CodingAgent.CODEX.databases(env(), home));
    }

    @Test
    void aGeminiSubagentsChatBelongsToTheProjectAboveChats() {
        assertEquals("proj", Records.chatsProject("/h/.gemini/tmp/proj/chats/session-1.jsonl"));
        assertEquals("proj", Records.chatsProject("/h/.gemini/tmp/proj/chats/6f1d2c3a/sub-1.jsonl"));
        assertEquals("-home-a", Records.project("/h/.claude/projects/-home-a/s1.jsonl"));
        // the chats rule is Gemini CLI's alone: another source's file under a directory called chats keeps its own
        assertEquals("sub", Records.project("/home/alice/chats/sub/log.jsonl"));
        assertEquals("chats", Records.project("/data/chats/log.jsonl"));
        assertEquals(null, Records.project("/s1.jsonl"));
    }

    @Test
    void unknownAgentsAreNamed() {
        assertEquals("agent (cursor) must be one of claude-code, codex, gemini-cli, opencode",
                assertThrows(IllegalArgumentException.class, () -> CodingAgent.fromId("cursor")).getMessage());
        assertEquals(CodingAgent.GEMINI_CLI, CodingAgent.fromId(" Gemini-CLI "));
    }
}
