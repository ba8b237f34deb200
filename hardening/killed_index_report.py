"""Figures of the killed-indexing scenario (issue 17, item 3), judged from what it observed
(pure): after each SIGKILL the aliases serve the previous complete indices, and the next run
removes the leftovers and succeeds; offer ingestion killed midway loses nothing and reloads to
exactly the file's offers."""

from dataclasses import dataclass

READ = "read"  # the stage before any index exists: a kill there leaves nothing behind


def kill_points(entities: tuple[str, ...]) -> list[str]:
    """The indexer's stages to kill it at: reading the export, embedding and bulk of the last
    entity (the ones before it are complete but unswapped), just before the alias swap."""
    last = entities[-1]
    return [READ, f"embed {last}", f"bulk {last}", "swap"]


@dataclass(frozen=True)
class Run:
    """One `metierscope` process and how it ended."""

    killed: bool  # SIGKILLed by the scenario at the stage it held at
    returncode: int | None
    seconds: float
    tail: str = ""  # its last output lines, to explain a miss

    @property
    def succeeded(self) -> bool:
        return not self.killed and self.returncode == 0


@dataclass(frozen=True)
class Snapshot:
    """What the aliases of the scenario's entities serve at one moment."""

    targets: dict[str, list[str]]  # alias -> the physical indices it points at
    counts: dict[str, int]  # alias -> documents it serves
    built_with: dict[str, int]  # alias -> documents its index's `_meta` says it was built from
    leftovers: list[str]  # indices of the scenario's prefix behind no alias

    @property
    def full(self) -> bool:
        """Every alias points at one index holding all the documents it was built from."""
        return bool(self.targets) and all(
            len(self.targets[a]) == 1 and self.counts.get(a) == self.built_with.get(a)
            for a in self.targets
        )


@dataclass(frozen=True)
class KillOutcome:
    """One kill point: the state before, right after the kill and after the next run."""

    point: str
    kill: Run
    before: Snapshot
    after: Snapshot
    rerun: Run
    cleaned: Snapshot

    @property
    def aliases_kept(self) -> bool:
        return self.after.targets == self.before.targets

    @property
    def rerun_clean(self) -> bool:
        """The next run succeeded, removed every leftover and swapped complete new indices."""
        moved = all(self.cleaned.targets.get(a) != t for a, t in self.after.targets.items())
        return self.rerun.succeeded and not self.cleaned.leftovers and self.cleaned.full and moved

    def failures(self) -> list[str]:
        """Each criterion this kill point missed, in words; empty when it passed."""
        missed = []
        if not self.kill.killed:
            missed.append(f"not killed at its stage (exit {self.kill.returncode})")
        if not self.aliases_kept:
            missed.append(f"aliases moved: {self.before.targets} -> {self.after.targets}")
        if self.after.counts != self.before.counts or not self.after.full:
            missed.append(f"served {self.after.counts}, not the full {self.before.built_with}")
        if self.point != READ and not self.after.leftovers:
            missed.append("no leftover index seen: the kill came before the new index")
        if not self.rerun.succeeded:
            missed.append(f"the next run failed (exit {self.rerun.returncode})")
        elif not self.rerun_clean:
            missed.append(
                f"the next run left {self.cleaned.leftovers or 'no leftover'} and served "
                f"{self.cleaned.counts} from {self.cleaned.targets}"
            )
        return [f"{self.point}: {m}" for m in missed]


@dataclass(frozen=True)
class OffersOutcome:
    """Offers loaded, then a larger load killed midway, then the same load again."""

    before: int  # offers in the index after the first, complete load
    kill: Run
    after_kill: int
    lost: int  # offers of the first load missing after the kill
    reload: Run
    after_reload: int
    expected: int  # distinct offer ids of the reloaded file
    duplicates: int  # offer ids served more than once

    def failures(self) -> list[str]:
        """Each criterion the offers missed, in words; empty when they passed."""
        missed = []
        if not self.kill.killed:
            missed.append(f"ingestion not killed midway (exit {self.kill.returncode})")
        elif not self.before < self.after_kill < self.expected:
            missed.append(
                f"the kill was not midway: {self.after_kill} offers, between {self.before} "
                f"and {self.expected} expected"
            )
        if self.lost:
            missed.append(f"{self.lost} previously loaded offer(s) lost by the killed run")
        if not self.reload.succeeded:
            missed.append(f"the reload failed (exit {self.reload.returncode})")
        if self.after_reload != self.expected:
            missed.append(f"{self.after_reload} offers after the reload, {self.expected} expected")
        if self.duplicates:
            missed.append(f"{self.duplicates} offer id(s) served more than once")
        return [f"offers: {m}" for m in missed]


@dataclass(frozen=True)
class KilledIndexReport:
    """Every kill point of the indexer, and the offers."""

    kills: list[KillOutcome]
    offers: OffersOutcome | None

    def failures(self) -> list[str]:
        missed = [m for k in self.kills for m in k.failures()]
        return missed + (self.offers.failures() if self.offers else [])
