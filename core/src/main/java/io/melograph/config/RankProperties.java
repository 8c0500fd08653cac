package io.melograph.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Ranking: the online FTRL ranker every scene ranks with, and the promoted deep ranker that re-orders its top.
 *
 * @param hashBits        the FTRL model's feature space, 2^bits weights (a change starts a fresh model)
 * @param snapshotMinutes how often the learning FTRL model is saved to MELOGRAPH_HOME/models/ftrl
 * @param deep            the deep ranker (DNN, DIN, DIEN, session model; {@code melograph train ranker})
 */
@ConfigurationProperties("melograph.rank")
public record RankProperties(@Bindable(defaultValue = "20") int hashBits,
                             @Bindable(defaultValue = "5") long snapshotMinutes,
                             Deep deep) {
    public RankProperties {
        Check.atLeast("melograph.rank.hash-bits", hashBits, 8);
        Check.atLeast("melograph.rank.snapshot-minutes", snapshotMinutes, 1);
    }

    /**
     * The promoted deep ranker re-orders FTRL's top candidates of each request within its budget, on its own scoring
     * threads; busy, slow or failing, FTRL's order stands and the answer says so.
     *
     * @param top          FTRL's top candidates re-ordered
     * @param budget       the time it may take per request
     * @param threads      scoring threads
     * @param retrainHours the live version's model is trained again on the events this often and promoted only when
     *                     it beats FTRL and the live version on a held-out last week; 0: only {@code melograph train ranker}
     */
    @ConfigurationProperties("deep")
    public record Deep(@Bindable(defaultValue = "100") int top,
                       @Bindable(defaultValue = "30ms") Duration budget,
                       @Bindable(defaultValue = "2") int threads,
                       @Bindable(defaultValue = "24") double retrainHours) {
        public Deep {
            Check.atLeast("melograph.rank.deep.top", top, 1);
            Check.atLeast("melograph.rank.deep.budget", budget.toMillis(), 1);
            Check.atLeast("melograph.rank.deep.threads", threads, 1);
            Check.atLeast("melograph.rank.deep.retrain-hours", retrainHours, 0);
        }
    }
}
