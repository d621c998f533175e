// Says why the popup has nothing to show, instead of an empty box.

export function NoReport({ why }: { why: { headline: string; detail: string } }) {
  return (
    <section class="nb-none" data-testid="no-report">
      <h1>{why.headline}</h1>
      <p>{why.detail}</p>
    </section>
  );
}
