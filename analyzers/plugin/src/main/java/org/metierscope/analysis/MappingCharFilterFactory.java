package org.metierscope.analysis;

import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractCharFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.NormalizingCharFilterFactory;

import java.io.Reader;
import java.util.List;

/**
 * {@code mapping} char filter: Lucene {@link MappingCharFilter}. Parameters: {@code mappings} (rules
 * {@code "from => to"}) or {@code mappings_path} (file relative to the config dir, one rule per line).
 * Both sides are trimmed; {@code \\}, {@code \n}, {@code \t}, {@code \r}, {@code \b}, {@code \f} and
 * backslash-u plus four hex digits escapes are understood; the right side may be empty. Usable in normalizers.
 */
final class MappingCharFilterFactory extends AbstractCharFilterFactory implements NormalizingCharFilterFactory {

    private final NormalizeCharMap map;

    MappingCharFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name);
        List<String> rules = Analysis.getWordList(env, settings, "mappings");
        if (rules == null) {
            throw new IllegalArgumentException("mapping requires either `mappings` or `mappings_path` to be configured");
        }
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        for (String rule : rules) {
            int arrow = rule.lastIndexOf("=>");
            String from = arrow < 0 ? "" : unescape(rule.substring(0, arrow).trim(), rule);
            if (from.isEmpty()) {
                throw new IllegalArgumentException("[mappings] invalid rule [" + rule + "]: expected \"from => to\"");
            }
            builder.add(from, unescape(rule.substring(arrow + 2).trim(), rule));
        }
        this.map = builder.build();
    }

    private static String unescape(String s, String rule) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= s.length()) {
                throw new IllegalArgumentException("[mappings] dangling escape in rule [" + rule + "]");
            }
            char e = s.charAt(i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (i + 4 >= s.length()) {
                        throw new IllegalArgumentException("[mappings] truncated \\u escape in rule [" + rule + "]");
                    }
                    try {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    } catch (NumberFormatException ex) {
                        throw new IllegalArgumentException("[mappings] bad \\u escape in rule [" + rule + "]", ex);
                    }
                    i += 4;
                }
                default -> out.append(e); // covers \\ and any other escaped character
            }
        }
        return out.toString();
    }

    @Override
    public Reader create(Reader reader) {
        return new MappingCharFilter(map, reader);
    }
}
