export default function Page() {
  return <main id="page">checkout</main>;
}
