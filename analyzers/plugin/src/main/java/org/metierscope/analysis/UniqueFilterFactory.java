package org.metierscope.analysis;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;

import java.io.IOException;

/**
 * {@code unique}: drops tokens whose text was already emitted. Parameter: {@code only_on_same_position}
 * (default false). When true this is Lucene's {@link RemoveDuplicatesTokenFilter}; otherwise Lucene has no
 * equivalent, so {@link SeenTermsFilter} (a few lines over a Lucene {@link CharArraySet}) does it.
 */
final class UniqueFilterFactory extends AbstractTokenFilterFactory {

    private final boolean onlyOnSamePosition;

    UniqueFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name);
        this.onlyOnSamePosition = Params.bool(settings, "only_on_same_position", false);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return onlyOnSamePosition ? new RemoveDuplicatesTokenFilter(tokenStream) : new SeenTermsFilter(tokenStream);
    }

    /** Emits only the first occurrence of each term in the stream; positions of later tokens are left as they are. */
    static final class SeenTermsFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final CharArraySet seen = new CharArraySet(8, false);

        SeenTermsFilter(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            while (input.incrementToken()) {
                if (seen.contains(term.buffer(), 0, term.length()) == false) {
                    seen.add(term.toString());
                    return true;
                }
            }
            return false;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            seen.clear();
        }
    }
}
