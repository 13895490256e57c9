/** Which screen is showing. */
export function App() {
  return <main>Quire</main>;
}
